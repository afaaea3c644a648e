import { Trans } from '@lingui/react';
import type { ReactElement } from 'react';
import type { MessageId, MessageValues } from './message-id';

interface TProps {
  id: MessageId;
  values?: MessageValues;
  /** Elements for tags in the message: `{ link: <AppLink to="/" /> }` fills `<link>…</link>`. */
  components?: Record<string, ReactElement>;
}

/** A catalogue message with markup inside it (a link, emphasis) kept in the translator's hands. */
export function T({ id, values, components }: TProps) {
  return <Trans id={id} values={values} components={components} />;
}
