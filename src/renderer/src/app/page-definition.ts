/**
 * What a feature tells the shell about its page. Each feature folder exports
 * one (`features/<name>/page.ts[x]`) and app/page-registry.ts lists them: side
 * navigation, breadcrumbs, the command palette and the outlet all read it, so
 * the shell never needs to know a page's route query or data.
 */
import type { AppLayoutProps } from '@cloudscape-design/components/app-layout';
import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import type { IconProps } from '@cloudscape-design/components/icon';
import type { ComponentType } from 'react';
import type { Query, Route } from '../routing/hash-route';

export type NavGroup = 'operate' | 'observe' | 'console';

export interface PaletteEntry {
  /** Unique across the palette. */
  value: string;
  label: string;
  description?: string;
  labelTag?: string;
  iconName?: IconProps.Name;
  /** Where choosing it goes. */
  route: Route;
}

export interface PaletteGroup {
  label: string;
  entries: readonly PaletteEntry[];
}

/** The split panel a page shows beside its content, driven by the page's route query. */
export interface SplitPanelSlot {
  isShown: (query: Query) => boolean;
  isOpen: (query: Query) => boolean;
  onToggle: (open: boolean) => void;
  Panel: ComponentType<{ query: Query }>;
}

export interface PageDefinition<Id extends string = string> {
  id: Id;
  title: string;
  /** One line for the command palette. */
  description: string;
  navGroup: NavGroup;
  icon: IconProps.Name;
  component: ComponentType;
  /** Part of a read-only share: viewers see it in their navigation; every other page shows them "Not shared". */
  shared?: boolean;
  /**
   * Palette entries beyond the page itself (resources, shortcuts). A hook,
   * called only while the palette is open, in registry order.
   */
  usePaletteEntries?: () => readonly PaletteGroup[];
  /**
   * The part of the route query the shell renders from (breadcrumbs, split
   * panel, content type). Keys left out do not re-render the shell, e.g. a
   * filter typed into the page. Default: none.
   */
  shellQuery?: (query: Query) => Query;
  /** Crumbs after the console's root crumb; a hook (it may read data). Default: the page title. */
  useBreadcrumbs?: (query: Query) => readonly BreadcrumbGroupProps.Item[];
  contentType?: (query: Query) => AppLayoutProps.ContentType;
  splitPanel?: SplitPanelSlot;
}

/** Keeps the literal id (`'fleet'`), so the registry can derive the PageId union. */
export const definePage = <Id extends string>(page: PageDefinition<Id>): PageDefinition<Id> => page;

/** A shellQuery that keeps only the given keys. */
export const pickQuery =
  (...keys: readonly string[]) =>
  (query: Query): Query => {
    const kept: Record<string, string> = {};
    for (const key of keys) {
      const value = query[key];
      if (value) kept[key] = value;
    }
    return kept;
  };
