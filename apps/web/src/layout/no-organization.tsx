export function NoOrganization() {
  return (
    <main className="flex h-screen items-center justify-center p-6 text-center">
      <div>
        <h1 className="text-base font-semibold">No organization</h1>
        <p className="mt-1 text-[13px] text-muted">
          Your account is not a member of any organization yet. Ask an owner to add you.
        </p>
      </div>
    </main>
  );
}
