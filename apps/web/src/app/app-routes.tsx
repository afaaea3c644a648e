import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from '../modules/auth/components/require-auth';
import { HomePage } from '../pages/home-page';
import { RoomPage } from '../pages/room-page';
import { AppLayout } from './app-layout';

// The landing and room pages are in the first bundle (where people arrive and spend their
// time); everything else, the thread page included, loads when first visited.
const ThreadPage = lazy(() => import('../pages/thread-page').then((m) => ({ default: m.ThreadPage })));
const WelcomePage = lazy(() => import('../pages/welcome-page').then((m) => ({ default: m.WelcomePage })));
const LoginPage = lazy(() => import('../pages/login-page').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('../pages/register-page').then((m) => ({ default: m.RegisterPage })));
const ForgotPasswordPage = lazy(() => import('../pages/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const SetupPage = lazy(() => import('../pages/setup-page').then((m) => ({ default: m.SetupPage })));
const SearchPage = lazy(() => import('../pages/search-page').then((m) => ({ default: m.SearchPage })));
const SettingsPage = lazy(() => import('../pages/settings-page').then((m) => ({ default: m.SettingsPage })));
const SafetyCheckPage = lazy(() => import('../pages/safety-check-page').then((m) => ({ default: m.SafetyCheckPage })));
const NotificationsPage = lazy(() =>
  import('../pages/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const ModerationPage = lazy(() => import('../pages/moderation-page').then((m) => ({ default: m.ModerationPage })));
const BookmarksPage = lazy(() => import('../pages/bookmarks-page').then((m) => ({ default: m.BookmarksPage })));
const CommunityPage = lazy(() => import('../pages/community-page').then((m) => ({ default: m.CommunityPage })));
const MessagesPage = lazy(() => import('../pages/messages-page').then((m) => ({ default: m.MessagesPage })));
const ConversationPage = lazy(() => import('../pages/conversation-page').then((m) => ({ default: m.ConversationPage })));
const CheckInPage = lazy(() => import('../pages/check-in-page').then((m) => ({ default: m.CheckInPage })));
const SessionsPage = lazy(() => import('../pages/sessions-page').then((m) => ({ default: m.SessionsPage })));
const NotFoundPage = lazy(() => import('../pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="welcome" element={<WelcomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="setup" element={<SetupPage />} />
        <Route element={<RequireAuth />}>
          <Route path="rooms/:slug" element={<RoomPage />} />
          <Route path="rooms/:slug/sessions" element={<SessionsPage />} />
          <Route path="threads/:threadId" element={<ThreadPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="settings/safety" element={<SafetyCheckPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="saved" element={<BookmarksPage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="messages/:conversationId" element={<ConversationPage />} />
          <Route path="check-ins/:checkInId" element={<CheckInPage />} />
          <Route path="moderation" element={<ModerationPage />} />
          <Route path="community/*" element={<CommunityPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
