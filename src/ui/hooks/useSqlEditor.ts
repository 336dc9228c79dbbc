/**
 * What the SQL editor needs from the engine: the dialect's words for highlighting and completion,
 * the names of in-application streams and columns in play, and diagnostics computed in the
 * emulator worker (off the page's main thread) a moment after each keystroke.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Monaco } from '../components/editor/monaco';
import type { EditorMarker } from '../components/editor/CodeEditor';
import { emulatorClient } from '../../worker/client';
import type { SqlDialect } from '../../worker/protocol';
import type { RecordColumn } from './useAnalytics';

export const KDA_SQL = 'kda-sql';

export interface SqlTemplate {
  id: string;
  label: string;
  description: string;
  sql: string;
}

/** Starting points written for the workshop's sensor records (columns sensorId, eventTimeStamp, ambientTemp, measuredTemp). */
export const SQL_TEMPLATES: SqlTemplate[] = [
  {
    id: 'filter',
    label: 'Continuous filter',
    description: 'Rows that meet a condition, as they arrive',
    sql: `CREATE OR REPLACE STREAM "HOT_STREAM" ("sensorId" VARCHAR(16), "measuredTemp" INTEGER);
CREATE OR REPLACE PUMP "HOT_PUMP" AS INSERT INTO "HOT_STREAM"
SELECT STREAM "sensorId", "measuredTemp"
FROM "SOURCE_SQL_STREAM_001"
WHERE "measuredTemp" > 90;`,
  },
  {
    id: 'tumbling',
    label: 'Tumbling window aggregate',
    description: 'One row per sensor per minute',
    sql: `CREATE OR REPLACE STREAM "PER_MINUTE" ("sensorId" VARCHAR(16), "avgTemp" DOUBLE, "readings" INTEGER);
CREATE OR REPLACE PUMP "PER_MINUTE_PUMP" AS INSERT INTO "PER_MINUTE"
SELECT STREAM "sensorId", AVG("measuredTemp"), COUNT(*)
FROM "SOURCE_SQL_STREAM_001"
GROUP BY "sensorId", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);`,
  },
  {
    id: 'sliding',
    label: 'Sliding window',
    description: 'A moving average over the last 10 seconds, per row',
    sql: `CREATE OR REPLACE STREAM "MOVING_AVG" ("sensorId" VARCHAR(16), "avgTemp" DOUBLE);
CREATE OR REPLACE PUMP "MOVING_AVG_PUMP" AS INSERT INTO "MOVING_AVG"
SELECT STREAM "sensorId", AVG("measuredTemp") OVER W1
FROM "SOURCE_SQL_STREAM_001"
WINDOW W1 AS (PARTITION BY "sensorId" RANGE INTERVAL '10' SECOND PRECEDING);`,
  },
  {
    id: 'dedup',
    label: 'Remove duplicates',
    description: 'SELECT DISTINCT within one-second windows',
    sql: `CREATE OR REPLACE STREAM "DISTINCT_STREAM" ("sensorId" VARCHAR(16), "measuredTemp" INTEGER, "second" TIMESTAMP);
CREATE OR REPLACE PUMP "DISTINCT_PUMP" AS INSERT INTO "DISTINCT_STREAM"
SELECT STREAM DISTINCT "sensorId", "measuredTemp", FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO SECOND)
FROM "SOURCE_SQL_STREAM_001";`,
  },
  {
    id: 'topk',
    label: 'Top-K items',
    description: 'The most frequent sensors in a 60-second window',
    sql: `CREATE OR REPLACE STREAM "TOP_SENSORS" ("sensorId" VARCHAR(16), "mostFrequentValues" BIGINT);
CREATE OR REPLACE PUMP "TOP_PUMP" AS INSERT INTO "TOP_SENSORS"
SELECT STREAM *
FROM TABLE (TOP_K_ITEMS_TUMBLING(CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"), 'sensorId', 5, 60));`,
  },
  {
    id: 'anomaly',
    label: 'Anomaly score',
    description: 'RANDOM_CUT_FOREST over the temperatures',
    sql: `CREATE OR REPLACE STREAM "TEMP_ANOMALIES" ("sensorId" VARCHAR(16), "measuredTemp" INTEGER, "ANOMALY_SCORE" DOUBLE);
CREATE OR REPLACE PUMP "ANOMALY_PUMP" AS INSERT INTO "TEMP_ANOMALIES"
SELECT STREAM "sensorId", "measuredTemp", ANOMALY_SCORE
FROM TABLE (RANDOM_CUT_FOREST(CURSOR(SELECT STREAM "sensorId", "measuredTemp" FROM "SOURCE_SQL_STREAM_001")));`,
  },
];

/** In-application streams a script creates, for completion: `CREATE OR REPLACE STREAM "X" (a INT, ...)`. */
export const streamsInScript = (script: string): { name: string; columns: string[] }[] => {
  const out: { name: string; columns: string[] }[] = [];
  const re = /CREATE\s+OR\s+REPLACE\s+STREAM\s+("[^"]+"|[A-Za-z_][A-Za-z0-9_]*)\s*\(([^;]*?)\)\s*;/gi;
  for (let m = re.exec(script); m; m = re.exec(script)) {
    const name = m[1].startsWith('"') ? m[1] : m[1].toUpperCase();
    const columns = m[2]
      .split(',')
      .map((c) => c.trim().split(/\s+/)[0])
      .filter((c) => c && !/^\d/.test(c));
    out.push({ name, columns });
  }
  return out;
};

const quoted = (name: string) => (/^[A-Z_][A-Z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

/** What completion offers right now; read by the provider Monaco calls, kept current by the hook. */
const completionContext: { columns: RecordColumn[]; script: string; dialect?: SqlDialect } = { columns: [], script: '' };

const setUpLanguage = (monaco: Monaco, dialect: SqlDialect): void => {
  monaco.languages.register({ id: KDA_SQL });
  const words = (list: readonly string[]) => list.map((w) => w.toLowerCase());
  monaco.languages.setMonarchTokensProvider(KDA_SQL, {
    ignoreCase: true,
    keywords: words(dialect.keywords),
    typeKeywords: words(dialect.types),
    builtins: words(dialect.functions.map((f) => f.name)),
    tokenizer: {
      root: [
        [/--.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"([^"]|"")*"/, 'identifier.quote'],
        [/'([^']|'')*'/, 'string'],
        [/\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
        [/[A-Za-z_][\w$]*/, { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@builtins': 'predefined', '@default': 'identifier' } }],
        [/[;,.]/, 'delimiter'],
        [/[()]/, '@brackets'],
        [/[<>=!%&+\-*/|~^]+/, 'operator'],
      ],
      comment: [
        [/[^/*]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/[/*]/, 'comment'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(KDA_SQL, {
    comments: { lineComment: '--', blockComment: ['/*', '*/'] },
    brackets: [['(', ')']],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: "'", close: "'", notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
  monaco.languages.registerCompletionItemProvider(KDA_SQL, {
    triggerCharacters: ['"', '.'],
    provideCompletionItems: (model, position) => {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const K = monaco.languages.CompletionItemKind;
      const d = completionContext.dialect ?? dialect;
      const streams = [
        { name: 'SOURCE_SQL_STREAM_001', columns: ['ROWTIME', 'APPROXIMATE_ARRIVAL_TIME', ...completionContext.columns.map((c) => c.Name ?? '')] },
        ...streamsInScript(completionContext.script),
      ];
      return {
        suggestions: [
          ...streams.map((s) => ({ label: s.name, kind: K.Module, insertText: quoted(s.name), detail: 'in-application stream', range })),
          ...streams.flatMap((s) =>
            s.columns.map((c) => ({ label: c, kind: K.Field, insertText: quoted(c), detail: `column of ${s.name}`, range, sortText: `0${c}` })),
          ),
          ...d.functions.map((f) => ({ label: f.name, kind: K.Function, insertText: f.name, detail: f.signature, documentation: f.description, range })),
          ...d.keywords.map((k) => ({ label: k, kind: K.Keyword, insertText: k, range, sortText: `9${k}` })),
          ...d.types.map((t) => ({ label: t, kind: K.TypeParameter, insertText: t, range, sortText: `8${t}` })),
        ],
      };
    },
  });
};

/** The editor's language: registered once with the dialect from the engine; completion follows the script and the source's columns. */
export const useSqlLanguage = (columns: RecordColumn[], script: string) => {
  completionContext.columns = columns;
  completionContext.script = script;
  const [dialect, setDialect] = useState<SqlDialect | undefined>();
  useEffect(() => {
    let live = true;
    void emulatorClient()
      .console.sqlDialect()
      .then((d) => {
        if (!live) return;
        completionContext.dialect = d;
        setDialect(d);
      });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(
    () => ({
      id: KDA_SQL,
      setUp: (monaco: Monaco) => setUpLanguage(monaco, dialect ?? { keywords: [], types: [], functions: [] }),
      ready: dialect !== undefined,
    }),
    [dialect],
  );
};

/** How long typing must pause before the script is checked again. */
const DIAGNOSE_DELAY_MS = 150;

/** Every problem the engine finds in the script, as editor markers, a moment after the last keystroke. */
export const useSqlDiagnostics = (script: string, columns: RecordColumn[]): EditorMarker[] => {
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void emulatorClient()
        .console.diagnoseSql(script, columns.map((c) => ({ Name: c.Name ?? '', SqlType: c.SqlType ?? '', Mapping: c.Mapping })))
        .then((found) => {
          if (ticket === latest.current) setMarkers(found);
        });
    }, DIAGNOSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [script, columns]);
  return markers;
};
