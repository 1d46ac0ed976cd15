import { requireViewer } from "@/lib/auth/viewer";
import { unreadCount } from "@/lib/data/notifications";
import { AppShell } from "@/components/shell/app-shell";
import { signOutAction, switchLocale } from "../actions";

// The session check here is for the shell; every page and action checks again for itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const unread = await unreadCount(viewer);
  return (
    <AppShell viewer={viewer} actions={{ switchLocale, signOut: signOutAction }} unreadNotifications={unread}>
      {children}
    </AppShell>
  );
}
