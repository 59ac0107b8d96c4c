import type { DimensionResult } from '../../lib/maturity.ts';
import { formatScore } from '../../lib/maturity.ts';

/**
 * The per-dimension profile as an SVG bar chart on a 1-to-4 scale. It is an image with a text
 * alternative; the table under it carries the same numbers for screen readers and print.
 */
export function ProfileChart({ dimensions }: { dimensions: DimensionResult[] }) {
  // Each dimension takes two lines: its name, then its bar, so long names never get cut.
  const row = 50;
  const left = 30;
  const right = 50;
  const width = 600;
  const scale = (v: number) => left + ((v - 1) / 3) * (width - left - right);
  const height = dimensions.length * row + 40;
  const summary = dimensions.map((d) => `${d.title}: ${d.score !== undefined ? `phase ${d.phase} (${formatScore(d.score)})` : 'not enough answers'}`).join('; ');
  return (
    <figure className="profile-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Profile by dimension. ${summary}.`} width="100%">
        {[1, 2, 3, 4].map((p) => (
          <g key={p}>
            <line x1={scale(p)} x2={scale(p)} y1={8} y2={height - 24} className="grid" />
            <text x={scale(p)} y={height - 8} textAnchor="middle" className="axis">Phase {p}</text>
          </g>
        ))}
        {dimensions.map((d, i) => {
          const y = 12 + i * row;
          return (
            <g key={d.id}>
              <text x={left} y={y + 12} className="label">{d.title}</text>
              {d.score !== undefined ? (
                <>
                  <rect x={left} y={y + 18} width={Math.max(2, scale(d.score) - left)} height={18} className={`bar phase-${d.phase}`} />
                  <text x={scale(d.score) + 6} y={y + 32} className="value">{formatScore(d.score)}</text>
                </>
              ) : (
                <text x={left + 4} y={y + 32} className="value muted">not enough answers</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>Each bar is a dimension's average answer, from phase 1 to phase 4.</figcaption>
    </figure>
  );
}
