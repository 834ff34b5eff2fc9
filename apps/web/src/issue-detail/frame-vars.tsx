/** A frame's local variables as a compact key/value table. */
export function FrameVars({ vars }: { vars: Record<string, unknown> }) {
  return (
    <table className="w-full border-t border-line font-mono text-[12px]">
      <caption className="sr-only">Local variables</caption>
      <tbody>
        {Object.entries(vars).map(([key, value]) => (
          <tr key={key} className="border-b border-line last:border-b-0">
            <th scope="row" className="w-40 px-3 py-1 text-left align-top font-normal text-muted">
              {key}
            </th>
            <td className="px-3 py-1 break-all whitespace-pre-wrap">
              {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
