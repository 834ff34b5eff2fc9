type Json = Record<string, unknown>;

const ISSUE_FIELDS = [
  'id',
  'shortId',
  'title',
  'culprit',
  'level',
  'status',
  'substatus',
  'severity',
  'errorClass',
  'count',
  'userCount',
  'firstSeen',
  'lastSeen',
  'permalink',
  'assignedTo',
] as const;

/** The fields of an issue an agent reasons with; the rest is noise in its context window. */
export function summarizeIssue(issue: unknown): Json {
  const source = (issue ?? {}) as Json;
  const summary: Json = {};
  for (const field of ISSUE_FIELDS) if (source[field] !== undefined) summary[field] = source[field];
  const project = source['project'] as Json | undefined;
  if (project !== undefined) summary['project'] = project['slug'];
  return summary;
}

const MAX_FRAMES = 20;

/** Exception, in-app frames (innermost first, with their code) and the request of an event. */
export function summarizeEvent(event: unknown): Json {
  const source = (event ?? {}) as Json;
  const entries = (source['entries'] ?? []) as Json[];
  const entry = (type: string) => entries.find((e) => e['type'] === type)?.['data'] as Json | undefined;
  const exceptions = ((entry('exception')?.['values'] ?? []) as Json[]).map((value) => ({
    type: value['type'],
    value: value['value'],
    frames: framesOf(value),
  }));
  return {
    eventID: source['eventID'] ?? source['id'],
    title: source['title'],
    dateCreated: source['dateCreated'],
    release: source['release'] ?? null,
    tags: source['tags'],
    user: source['user'],
    exceptions,
    request: entry('request') ?? null,
  };
}

function framesOf(exception: Json): Json[] {
  const frames = (((exception['stacktrace'] as Json | undefined)?.['frames'] ?? []) as Json[])
    .slice()
    .reverse();
  const inApp = frames.filter((f) => f['inApp'] === true || f['in_app'] === true);
  return (inApp.length > 0 ? inApp : frames).slice(0, MAX_FRAMES).map((frame) => ({
    file: frame['filename'] ?? frame['absPath'] ?? frame['abs_path'],
    function: frame['function'],
    line: frame['lineNo'] ?? frame['lineno'],
    column: frame['colNo'] ?? frame['colno'],
    context: frame['context'] ?? frame['context_line'],
    vars: frame['vars'],
  }));
}
