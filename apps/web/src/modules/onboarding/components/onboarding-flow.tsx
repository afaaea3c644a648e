import type { WarningPreferences } from '@kindred/contracts';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
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

const STEPS: { title: string; body: () => ReactNode }[] = [
  { title: 'What Kindred is', body: () => <AboutStep /> },
  { title: 'How we look after each other', body: () => <GuidelinesStep /> },
  { title: 'Leaving quickly', body: () => <QuickExitStep /> },
  { title: 'What you see', body: () => null },
];

/**
 * A short, one-thing-at-a-time introduction. The last step sets content-warning
 * preferences: saved straight away for members, or carried (in router state, in memory)
 * into account creation for newcomers.
 */
export function OnboardingFlow() {
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
      onSuccess: () => navigate('/', { state: { notice: 'Your choices are saved. You can change them any time in Settings.' } }),
    });
  }

  return (
    <div className="onboarding">
      <ol className="steps" aria-label="Steps">
        {STEPS.map((s, index) => (
          <li key={s.title} aria-current={index === step ? 'step' : undefined} className={index < step ? 'is-done' : undefined}>
            <span className="visually-hidden">{index < step ? 'Done: ' : ''}</span>
            {s.title}
          </li>
        ))}
      </ol>
      <section className="panel" aria-labelledby="step-heading">
        <p className="muted step-count">
          Step {step + 1} of {STEPS.length}
        </p>
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          {STEPS[step]!.title}
        </h2>
        {last ? (
          <>
            <p>
              Posts and threads carry content warnings. For each topic, choose how it reaches you. Everything starts at
              “Ask first”; you can change this any time in Settings.
            </p>
            {user && saved.isPending ? (
              <LoadingState label="Loading your choices…" />
            ) : (
              <PreferencesEditor value={preferences} onChange={setDraft} />
            )}
          </>
        ) : (
          STEPS[step]!.body()
        )}
        {save.isError && (
          <p className="field__error" role="alert">
            {toDisplayError(save.error).message}
          </p>
        )}
        <div className="button-row">
          {step > 0 && (
            <button type="button" className="button" onClick={() => setStep(step - 1)}>
              Back
            </button>
          )}
          {last ? (
            <button type="button" className="button button--primary" onClick={finish} disabled={save.isPending}>
              {user ? (save.isPending ? 'Saving…' : 'Save and go to the rooms') : 'Continue to create an account'}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => setStep(step + 1)}>
              Continue
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
