// TEMPORARY stub owned by the search work: indexes the built site with Pagefind. The signature is the contract.
export interface IndexResult {
  errors: string[];
}

export async function indexSite(_siteDir: string): Promise<IndexResult> {
  return { errors: [] };
}
