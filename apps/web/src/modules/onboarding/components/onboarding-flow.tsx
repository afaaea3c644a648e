import type { WarningPreferences } from '@kindred/contracts';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { LoadingState } from '../../../shared/ui/query-state';
import { useSession } from '../../auth/hooks/use-session';
import { PreferencesEditor } from '../../content-warnings/components/preferences-editor';
import { useSaveWarningPreferences, useWarningPreferences } from '../../content-warnings/hooks/use-warning-preferences';
import { defaultPreferences } from '../../content-warnings/lib/preferences';
import { AboutStep } from './about-step';
import { GuidelinesStep } from './guidelines-step';
import { QuickExitStep } from './quick-exit-step';
import './onboarding.css';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';
import type { MessageId } from '../../../shared/i18n/message-id';

const STEPS: { title: MessageId; body: () => ReactNode }[] = [
  { title: 'onboarding.step.about', body: () => <AboutStep /> },
  { title: 'onboarding.step.guidelines', body: () => <GuidelinesStep /> },
  { title: 'home.leavingQuickly', body: () => <QuickExitStep /> },
  { title: 'settings.whatYouSee', body: () => null },
];

/**
 * A short, one-thing-at-a-time introduction. The last step sets content-warning
 * preferences: saved straight away for members, or carried (in router state, in memory)
 * into account creation for newcomers.
 */
export function OnboardingFlow() {
  const t = useT();
  const errorText = useErrorText();
  const { user } = useSession();
  const navigate = useAppNavigate();
  const saved = useWarningPreferences(!!user);
  const save = useSaveWarningPreferences();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<WarningPreferences | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // Moving between steps puts focus on the new step's heading.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const preferences = draft ?? (user ? saved.data : undefined) ?? defaultPreferences();
  const last = step === STEPS.length - 1;

  function finish() {
    if (!user) {
      navigate('/register', { state: { preferences } });
      return;
    }
    save.mutate(preferences, {
      onSuccess: () => navigate('/', { state: { notice: t('onboarding.saved') } }),
    });
  }

  return (
    <div className="onboarding">
      <ol className="steps" aria-label={t('onboarding.steps')}>
        {STEPS.map((s, index) => (
          <li key={s.title} aria-current={index === step ? 'step' : undefined} className={index < step ? 'is-done' : undefined}>
            <span className="visually-hidden">{index < step ? t('onboarding.done') : ''}</span>
            {t(s.title)}
          </li>
        ))}
      </ol>
      <section className="panel" aria-labelledby="step-heading">
        <p className="muted step-count">
          {t('onboarding.stepCount', { step: step + 1, total: STEPS.length })}
        </p>
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          {t(STEPS[step]!.title)}
        </h2>
        {last ? (
          <>
            <p>{t('onboarding.warningsIntro')}</p>
            {user && saved.isPending ? (
              <LoadingState label={t('common.loadingChoices')} />
            ) : (
              <PreferencesEditor value={preferences} onChange={setDraft} />
            )}
          </>
        ) : (
          STEPS[step]!.body()
        )}
        {save.isError && (
          <p className="field__error" role="alert">
            {errorText(save.error)}
          </p>
        )}
        <div className="button-row">
          {step > 0 && (
            <button type="button" className="button" onClick={() => setStep(step - 1)}>
              {t('common.back')}
            </button>
          )}
          {last ? (
            <button type="button" className="button button--primary" onClick={finish} disabled={save.isPending}>
              {user ? (save.isPending ? t('common.saving') : t('onboarding.saveAndGo')) : t('onboarding.continueToRegister')}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => setStep(step + 1)}>
              {t('common.continue')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
