import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';

export function QuickExitStep() {
  const t = useT();
  return (
    <>
      <p>
        <T id="onboarding.quickExit.intro" components={{ strong: <strong />, kbd: <kbd /> }} />
      </p>
      <h3>{t('onboarding.quickExit.whatItDoes')}</h3>
      <ul className="plain-list">
        <li>{t('onboarding.quickExit.swapsPage')}</li>
        <li>{t('onboarding.quickExit.signsOut')}</li>
      </ul>
      <h3>{t('onboarding.quickExit.whatItCannot')}</h3>
      <ul className="plain-list">
        <li>
          <T id="onboarding.quickExit.history" components={{ strong: <strong /> }} />
        </li>
        <li>{t('onboarding.quickExit.browserOpen')}</li>
      </ul>
      <p className="muted">{t('onboarding.quickExit.monitored')}</p>
    </>
  );
}
