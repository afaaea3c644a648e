import type { KeyboardEvent, ReactNode } from 'react';
import { useRef } from 'react';
import { tabKeyTarget } from './tab-keys';

export interface TabDefinition<T extends string> {
  name: T;
  label: ReactNode;
}

interface TabListProps<T extends string> {
  label: string;
  /** Prefix of the ids: tabs are `${idPrefix}-tab-${name}`, panels `${idPrefix}-panel-${name}`. */
  idPrefix: string;
  tabs: TabDefinition<T>[];
  selected: T;
  onSelect: (name: T) => void;
  className?: string;
}

/** The ids that tie a tab panel to its tab. */
export function tabPanelProps(idPrefix: string, name: string, selected: string) {
  return {
    id: `${idPrefix}-panel-${name}`,
    role: 'tabpanel',
    'aria-labelledby': `${idPrefix}-tab-${name}`,
    hidden: name !== selected,
  } as const;
}

/**
 * A tab list with one tab stop: arrow keys, Home and End move between tabs and select them
 * (the WAI-ARIA tabs pattern with automatic activation); arrows follow the reading direction.
 */
export function TabList<T extends string>({ label, idPrefix, tabs, selected, onSelect, className = 'tabs' }: TabListProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = tabs.findIndex((tab) => tab.name === selected);
    const target = tabKeyTarget(event.key, index, tabs.length, event.currentTarget);
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[target]!.name;
    onSelect(next);
    refs.current.get(next)?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((tab) => (
        <button
          key={tab.name}
          ref={(element) => {
            if (element) refs.current.set(tab.name, element);
            else refs.current.delete(tab.name);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.name}`}
          aria-selected={tab.name === selected}
          aria-controls={`${idPrefix}-panel-${tab.name}`}
          tabIndex={tab.name === selected ? 0 : -1}
          className={`${className}__tab`}
          onClick={() => onSelect(tab.name)}
          onKeyDown={onKeyDown}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
