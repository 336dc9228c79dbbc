import { hrefFor } from '../../hooks/route';

export const applicationPath = (name: string, tab?: 'source' | 'sql' | 'destination') =>
  `/analytics/${encodeURIComponent(name)}${tab ? `?tab=${tab}` : ''}`;
export const applicationHref = (name: string, tab?: 'source' | 'sql' | 'destination') => hrefFor(applicationPath(name, tab));
