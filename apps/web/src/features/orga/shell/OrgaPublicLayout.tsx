import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { SpaceShell } from '../../shared/ui/SpaceShell';

/** Orga pages reachable before a membership exists: sign-in, terms of use, invitation. */
export function OrgaPublicLayout() {
  return <SpaceShell modifier="orga" home="/orga/" brandKey="orga.brand" tools={<LanguageSwitch />} narrow />;
}
