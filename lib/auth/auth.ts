import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { Role } from '@/db/schema/enums';
import { verifyCredentials } from './credentials';

class AccountLocked extends CredentialsSignin {
  code = 'locked';
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an expected outcome (counted and audited), not a server error to log.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Correo electrónico' }, password: { label: 'Contraseña', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(getDb(), parsed.data.email, parsed.data.password);
        if (!result.ok) {
          if (result.reason === 'locked') throw new AccountLocked();
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, customerId: result.user.customerId, branchIds: result.user.branchIds };
      },
    }),
  ],
  callbacks: {
    // The token carries identity and role; the data layer re-reads the user on every request,
    // so a deactivated user or a changed role takes effect at once.
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role: Role; customerId: string | null; branchIds: string[] };
        token.uid = u.id;
        token.role = u.role;
        token.customerId = u.customerId;
        token.branchIds = u.branchIds;
      }
      return token;
    },
    session({ session, token }) {
      const user = session.user as typeof session.user & { id: string; role: Role; customerId: string | null; branchIds: string[] };
      user.id = token.uid as string;
      user.role = token.role as Role;
      user.customerId = (token.customerId as string | null) ?? null;
      user.branchIds = (token.branchIds as string[]) ?? [];
      return session;
    },
  },
});
