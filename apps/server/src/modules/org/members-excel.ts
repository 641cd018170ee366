import type { MemberView } from '@lan-toa/contracts';

// Placeholder until the Excel work lands (template, export).
export async function buildMemberTemplate(): Promise<Buffer> {
  throw new Error('not implemented');
}

export async function buildMemberExport(_rows: MemberView[], _unitName: string): Promise<Buffer> {
  throw new Error('not implemented');
}
