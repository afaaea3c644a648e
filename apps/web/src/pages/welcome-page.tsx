import { OnboardingFlow } from '../modules/onboarding/components/onboarding-flow';
import { VisitorLanguagePicker } from '../shared/i18n/visitor-language-picker';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useT } from '../shared/i18n/use-t';

export function WelcomePage() {
  const t = useT();
  useDocumentTitle(t('welcome.documentTitle'));
  return (
    <div className="page">
      <h1>{t('home.visitorTitle')}</h1>
      <VisitorLanguagePicker />
      <OnboardingFlow />
    </div>
  );
}
