import { useEffect, useMemo, useRef, useState } from 'react';
import {
  decodeAnswers, encodeAnswers, formatScore, questionsVersion, scoreAssessment, SCORING_RULES,
  type Answers, type Phase,
} from '../../lib/maturity.ts';
import { ProfileChart } from './ProfileChart.tsx';
import type { DimensionProps, PhaseProps } from '../../data/assessment.ts';
interface Props { dimensions: DimensionProps[]; phases: PhaseProps[] }

const STORE = 'hub-assessment';
const RESULT = 'hub-assessment-result';

/**
 * The maturity self-assessment. Answers live in the URL (?a=…&v=…) so a result can be shared or
 * bookmarked, and in this browser's localStorage so it can be resumed. Nothing leaves the browser.
 */
export default function Assessment({ dimensions, phases }: Props) {
  const version = useMemo(() => questionsVersion(dimensions), [dimensions]);
  const [answers, setAnswers] = useState<Answers>({});
  const [notice, setNotice] = useState('');
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  // A shared link opens at the result, not 17,000 px above it on a phone.
  const [landAtResult, setLandAtResult] = useState(false);
  // "Start over" asks first: it clears every answer, here and in this browser.
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const startOver = useRef<HTMLButtonElement>(null);

  // Resume: the URL wins (a shared link); then answers given before the page woke up (the radios
  // work without script, so a quick reader may have started); otherwise those saved in this browser.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const code = params.get('a');
    const early: Answers = {};
    for (const input of form.current?.querySelectorAll<HTMLInputElement>('input[type=radio]:checked') ?? []) {
      if (Number(input.value) > 0) early[input.name] = Number(input.value) as Phase;
    }
    if (code !== null) {
      if (params.get('v') === version) {
        setAnswers(decodeAnswers(dimensions, code));
        setLandAtResult(true);
      } else setNotice('This link was made for an earlier version of the questions, so its answers could not be used. Please answer again.');
    } else if (Object.keys(early).length) {
      setAnswers(early);
    } else {
      try {
        const saved = JSON.parse(localStorage.getItem(STORE) ?? 'null') as { v: string; a: string; at: string } | null;
        if (saved && saved.v === version && saved.a) {
          setAnswers(decodeAnswers(dimensions, saved.a));
          setNotice(`Your answers from ${new Date(saved.at).toLocaleString()} were restored from this browser.`);
        }
      } catch {
        // storage blocked or corrupt: start empty
      }
    }
    setReady(true);
  }, [dimensions, version]);

  useEffect(() => {
    if (!landAtResult) return;
    resultHeading.current?.scrollIntoView({ block: 'start' });
    resultHeading.current?.focus({ preventScroll: true });
    setLandAtResult(false);
  }, [landAtResult]);

  const result = useMemo(() => scoreAssessment(dimensions, answers), [dimensions, answers]);
  const code = encodeAnswers(dimensions, answers);
  const shareUrl = ready ? `${window.location.origin}${window.location.pathname}?a=${code}&v=${version}` : '';

  useEffect(() => {
    if (!ready) return;
    window.history.replaceState(null, '', code ? `?a=${code}&v=${version}` : window.location.pathname);
    try {
      if (code) localStorage.setItem(STORE, JSON.stringify({ v: version, a: code, at: new Date().toISOString() }));
      else localStorage.removeItem(STORE);
      if (result.overall) localStorage.setItem(RESULT, JSON.stringify({ phase: result.overall.phase, at: new Date().toISOString() }));
      else localStorage.removeItem(RESULT);
    } catch {
      // private mode: the URL still keeps the answers
    }
  }, [code, ready, result.overall, version]);

  const answer = (questionId: string, value: number) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === 0) delete next[questionId];
      else next[questionId] = value as Phase;
      return next;
    });

  const overall = result.overall;
  const guide = overall ? phases.find((p) => p.n === overall.phase) : undefined;
  const weakestDim = overall ? dimensions.find((d) => d.id === overall.weakest.id) : undefined;
  const firstUnanswered = dimensions.flatMap((d) => d.questions).find((q) => answers[q.id] === undefined);

  return (
    <div className="assessment">
      {notice && <p className="banner overdue" role="status">{notice}</p>}
      <p className="assessment-progress" aria-live="polite">
        <strong>{result.answered} of {result.total}</strong> questions answered.{' '}
        {firstUnanswered && result.answered > 0 && <><a href={`#q-${firstUnanswered.id}`}>Go to the first unanswered question</a>{' · '}</>}
        {result.answered > 0 && <a href="#result-heading">See your result</a>}
      </p>
      <progress max={result.total} value={result.answered} aria-label="Questions answered" />

      <form ref={form} id="questionnaire" className="questionnaire no-print" onSubmit={(e) => e.preventDefault()}>
        {dimensions.map((d) => (
          <section key={d.id} aria-labelledby={`dim-${d.id}`} className="dimension">
            <h2 id={`dim-${d.id}`}>{d.title}</h2>
            <p>{d.description}</p>
            {d.questions.map((q, qi) => (
              <fieldset key={q.id} id={`q-${q.id}`} className="question">
                <legend>{qi + 1}. {q.text}</legend>
                {q.help && <p className="question-help">{q.help}</p>}
                {q.options.map((o) => (
                  <label key={o.phase} className="option">
                    <input type="radio" name={q.id} value={o.phase} checked={answers[q.id] === o.phase} onChange={() => answer(q.id, o.phase)} />
                    <span>{o.label}</span>
                  </label>
                ))}
                <label className="option skip">
                  <input type="radio" name={q.id} value={0} checked={answers[q.id] === undefined} onChange={() => answer(q.id, 0)} />
                  <span>Not sure, skip this question</span>
                </label>
              </fieldset>
            ))}
          </section>
        ))}
      </form>

      <section aria-labelledby="result-heading" className="assessment-result" aria-live="polite">
        <h2 id="result-heading" ref={resultHeading} tabIndex={-1}>Your result</h2>
        <p className="no-print"><a href="#questionnaire">Back to the answers</a> ({result.answered} of {result.total} answered)</p>
        {overall && guide ? (
          <p className="result-phase">
            Your unit is in <strong>phase {overall.phase}: {guide.name}</strong> (overall score {formatScore(overall.score)}).
            {overall.uncapped > overall.phase && <> The average alone says phase {overall.uncapped}, but {overall.weakest.title.toLowerCase()} is at phase {overall.weakest.phase}, and the overall phase is never more than one above the weakest dimension.</>}
          </p>
        ) : (
          <p className="result-phase">Not enough answers for an overall phase yet. Answer at least half of the questions in five of the seven dimensions; skipped questions do not count against you.</p>
        )}

        <ProfileChart dimensions={result.dimensions} />

        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scores by dimension (table)">
          <table className="stack">
            <caption>Scores by dimension: how each was worked out</caption>
            <thead><tr><th scope="col">Dimension</th><th scope="col">Answered</th><th scope="col">Answers (phases)</th><th scope="col">Average</th><th scope="col">Phase</th></tr></thead>
            <tbody>
              {result.dimensions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td data-label="Answered">{d.answered} of {d.total}</td>
                  <td data-label="Answers (phases)">{d.values.length ? d.values.join(', ') : '—'}</td>
                  <td data-label="Average">{d.score !== undefined ? formatScore(d.score) : 'not enough answers'}</td>
                  <td data-label="Phase">{d.phase ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <details className="rules">
          <summary>How the score is worked out</summary>
          <ol>{SCORING_RULES.map((r) => <li key={r}>{r}</li>)}</ol>
        </details>

        {guide && (
          <>
            <h3>Your next moves</h3>
            {overall!.phase < 4 ? <p>From the <a href={guide.url}>phase {guide.n} guide</a>, the moves to phase {guide.n + 1}:</p> : <p>From the <a href={guide.url}>phase 4 guide</a>, the moves that keep you scaling:</p>}
            <ol>{guide.nextMoves.map((m) => <li key={m}>{m}</li>)}</ol>
            {guide.playbooks.length > 0 && (
              <>
                <h3>Playbooks to start with</h3>
                <ul>{guide.playbooks.map((p) => <li key={p.url}><a href={p.url}>{p.title}</a></li>)}</ul>
              </>
            )}
            {weakestDim && weakestDim.playbooks.length > 0 && (
              <>
                <h3>For your weakest dimension, {weakestDim.title.toLowerCase()}</h3>
                <ul>{weakestDim.playbooks.map((p) => <li key={p.url}><a href={p.url}>{p.title}</a></li>)}</ul>
              </>
            )}
          </>
        )}

        <h3>Keep this result</h3>
        <p>Your answers are saved in this browser only and are in this page's address. Nothing is sent anywhere.</p>
        {shareUrl && code && (
          <p className="share">
            <label htmlFor="share-url">Link to these answers</label>
            <input id="share-url" type="text" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />
          </p>
        )}
        <p className="no-print actions">
          <button type="button" className="button" disabled={!code} onClick={() => navigator.clipboard?.writeText(shareUrl).then(() => setCopied(true), () => setCopied(false))}>Copy link</button>{' '}
          <button type="button" className="button" onClick={() => window.print()}>Print or save as PDF</button>{' '}
          <button ref={startOver} type="button" className="button" disabled={!code} aria-expanded={confirming} aria-controls="start-over-confirm" onClick={() => setConfirming(true)}>Start over</button>
          <span role="status" className="visually-hidden">{copied ? 'Link copied.' : ''}</span>
        </p>
        {confirming && (
          <p id="start-over-confirm" className="panel no-print start-over" role="group" aria-label="Start over?">
            Clear all {result.answered} answers, here and in this browser? A link you copied keeps them.{' '}
            <button type="button" className="button" autoFocus onClick={() => { setAnswers({}); setConfirming(false); setNotice('Answers cleared.'); }}>Yes, clear my answers</button>{' '}
            <button type="button" className="button" onClick={() => { setConfirming(false); startOver.current?.focus(); }}>Keep my answers</button>
          </p>
        )}
      </section>
    </div>
  );
}
