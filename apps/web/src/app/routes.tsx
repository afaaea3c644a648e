import type { ComponentType, ReactElement } from 'react';
import { HomePage } from '../pages/home-page';
import { LoginPage } from '../pages/login-page';
import { NotFoundPage } from '../pages/not-found-page';
import { RegisterPage } from '../pages/register-page';
import { SetupPage } from '../pages/setup-page';

const ROUTES: Record<string, ComponentType> = {
  '/': HomePage,
  '/setup': SetupPage,
  '/login': LoginPage,
  '/register': RegisterPage,
};

/** The page element for a path; keyed so each navigation starts the page fresh. */
export function renderPage(pathname: string): ReactElement {
  const Page = ROUTES[pathname] ?? NotFoundPage;
  return <Page key={pathname} />;
}
