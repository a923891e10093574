import { ChangePasswordForm, SignOutEverywhere } from "@/components/auth/AccountSecurityForms";
import { hasPassword } from "@/lib/auth/password-change";
import { db } from "@/lib/db";

/** The owner's sessions and password, on their profile. */
export async function AccountSecurity({ userId }: { userId: string }) {
  const withPassword = await hasPassword({ db, userId });
  return (
    <section aria-labelledby="account-security-heading" className="space-y-4">
      <h2 id="account-security-heading" className="text-xl font-semibold">
        Sessions and password
      </h2>
      <SignOutEverywhere />
      {withPassword && <ChangePasswordForm />}
    </section>
  );
}
