/** Lower case without accents, so « ecole » finds « École » in a search box. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
