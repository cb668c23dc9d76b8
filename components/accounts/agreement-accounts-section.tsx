import type { Actor } from '@/lib/auth/scope';

// PLACEHOLDER — replaced by the helper that owns this section (issue 3). Server component.
export async function AgreementAccountsSection(_props: { actor: Actor; agreement: { id: string; status: string; branchId: string; code: string }; accountGroupId?: string; accountId?: string }) {
  return null;
}
