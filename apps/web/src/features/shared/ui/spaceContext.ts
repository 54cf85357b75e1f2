import { createContext } from 'react';

/** Translation key of the space's name (« Jalon », « Jalon Orga », « Jalon Admin »), shown in every document title. */
export const SpaceContext = createContext('common.brand');
