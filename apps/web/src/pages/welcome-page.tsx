import { OnboardingFlow } from '../modules/onboarding/components/onboarding-flow';
import { VisitorLanguagePicker } from '../shared/i18n/visitor-language-picker';
import { useDocumentTitle } from '../shared/lib/use-document-title';

export function WelcomePage() {
  useDocumentTitle('Welcome');
  return (
    <div className="page">
      <h1>Welcome to Kindred</h1>
      <VisitorLanguagePicker />
      <OnboardingFlow />
    </div>
  );
}
