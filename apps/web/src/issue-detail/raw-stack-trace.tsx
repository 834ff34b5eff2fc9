export function RawStackTrace({ text }: { text: string }) {
  return (
    <pre
      aria-label="Raw stack trace"
      className="overflow-x-auto rounded-md border border-line bg-code p-3 font-mono text-[12px] leading-[1.6] whitespace-pre"
    >
      {text}
    </pre>
  );
}
