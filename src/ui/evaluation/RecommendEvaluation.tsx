import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDataset } from '../../data';
import { topItems } from '../../evaluate/ranking';
import { formatNumber, i18n } from '../../i18n';
import { trainingClient } from '../../train/client';
import {
  evaluateRecommender,
  type PairScorer,
  type RecommendReport,
  scoreAllItems,
  seenByUser,
} from './recommend-eval';
import { DomainEvaluation } from './DomainEvaluation';

const COLUMNS = ['rmse', 'mae', 'hitRate', 'ndcg'] as const;
const score: PairScorer = (pairs, n) => trainingClient.predict(pairs, [n, 2]);
const fixed = (v: number, d = 3) => formatNumber(v, { minimumFractionDigits: d, maximumFractionDigits: d });

/** Evaluate tab for a ratings dataset: rating errors, ranking metrics beside a popularity baseline, and Try-it. */
export function RecommendEvaluation({ ds }: { ds: LoadedDataset }) {
  const { t } = useTranslation('domains');
  const evaluate = useCallback(() => evaluateRecommender(ds, score), [ds]);
  return (
    <DomainEvaluation evaluate={evaluate} action={t('evaluateRatings')} after={<RecommendTryIt ds={ds} />}>
      {(report) => <RecommendReportView report={report} />}
    </DomainEvaluation>
  );
}

function RecommendReportView({ report }: { report: RecommendReport }) {
  const { t } = useTranslation('domains');
  const [mode, setMode] = useState<'all' | 'sampled'>('all');
  const id = useId();
  const r = report[mode];
  const rows: [string, string, string, string, string][] = [
    [t('model'), fixed(report.rmse), fixed(report.mae), fixed(r.model.hitRate), fixed(r.model.ndcg)],
    [t('popularity'), '—', '—', fixed(r.popularity.hitRate), fixed(r.popularity.ndcg)],
    [t('meanRating'), fixed(report.baselineRmse), fixed(report.baselineMae), '—', '—'],
  ];
  return (
    <>
      <p className="eval__headline">{t('testRmse', { value: fixed(report.rmse) })}</p>
      <p className="muted eval__sub">
        {t('ratingsSummary', { count: report.heldOut, candidates: formatNumber(Math.round(r.candidates)) })}
      </p>
      <label htmlFor={id}>{t('candidates')} </label>
      <select id={id} value={mode} onChange={(e) => setMode(e.target.value as 'all' | 'sampled')}>
        <option value="all">{t('allUnseen')}</option>
        <option value="sampled">{t('sampledUnseen')}</option>
      </select>
      <table className="report-table" aria-label={t('rankingTable')}>
        <thead>
          <tr>
            {[t('scorer'), t('rmse'), t('mae'), t('hitRate'), t('ndcg')].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...cells]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {cells.map((c, k) => (
                <td key={COLUMNS[k]}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{r.model.ndcg > r.popularity.ndcg ? t('beatsBaseline') : t('belowBaseline')}</p>
    </>
  );
}

/** Try-it: pick a user, see the ten unseen items the model rates highest. */
function RecommendTryIt({ ds }: { ds: LoadedDataset }) {
  const { t } = useTranslation('domains');
  const id = useId();
  const users = ds.config.fitted.users ?? [];
  const items = ds.config.fitted.items ?? [];
  const seen = useMemo(() => seenByUser(ds, users.length), [ds, users.length]);
  const [user, setUser] = useState(0);
  const [top, setTop] = useState<{ item: number; score: number }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recommend = async () => {
    try {
      const [scores] = await scoreAllItems([user], items.length, score);
      setTop(topItems(scores, 10, seen[user]));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="tryit-wrap">
      <h3>{i18n.t('evaluate:tryIt')}</h3>
      <label htmlFor={id}>{t('user')} </label>
      <select id={id} value={user} onChange={(e) => setUser(Number(e.target.value))}>
        {users.map((u, i) => (
          <option key={u} value={i}>
            {u}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => void recommend()}>
        {t('recommend')}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {top && (
        <>
          <p className="muted">{t('seenCount', { count: seen[user]?.size ?? 0 })}</p>
          <ol aria-label={t('topItems')}>
            {top.map((r) => (
              <li key={r.item}>
                {items[r.item]} — {t('score')} {fixed(r.score, 2)}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
