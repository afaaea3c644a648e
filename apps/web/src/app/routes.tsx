import type { ComponentType } from 'react';
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

export function pageFor(pathname: string): ComponentType {
  return ROUTES[pathname] ?? NotFoundPage;
}
