import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../app/api';
import type { AttemptResult, AttemptView } from './contest-types';
import { isTransient, type SubmitBody, saveAnswer, saveExtras, submitAttempt } from './play-api';

/**
 * One running attempt in the page: the choices, their saving (each choice is sent at once; a
 * failure is retried quietly and whatever is still unsaved goes with the submission), the
 * server's clock, and submitting exactly once (a double click, the deadline and a retry all
 * share one submission).
 */

/** saved: the server has it; saving: on its way; unsaved: failed, will be retried and sent with the submission; refused: the server said no. */
export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'refused';
export type Phase = 'playing' | 'submitting' | 'submitFailed' | 'done';

const EXTRAS = 'extras';
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const SUBMIT_RETRIES = 4;
const EXTRAS_DEBOUNCE_MS = 1_200;

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

function parsePrediction(text: string): number | null {
  const digits = text.replace(/[^\d]/gu, '');
  return digits ? Number(digits) : null;
}

export interface AttemptSession {
  answers: Record<string, string[]>;
  status: Record<string, SaveStatus>;
  overall: SaveStatus | 'idle';
  prediction: string;
  essay: string;
  phase: Phase;
  submitError: unknown;
  /** Milliseconds left by the server's clock (never negative). */
  remainingMs: number;
  choose: (questionId: number, optionIds: string[]) => void;
  setPrediction: (text: string) => void;
  setEssay: (text: string) => void;
  submit: () => void;
}

export function useAttemptSession(view: AttemptView, onDone: (result: AttemptResult) => void): AttemptSession {
  const [answers, setAnswers] = useState<Record<string, string[]>>(() => ({ ...view.answers }));
  const [status, setStatus] = useState<Record<string, SaveStatus>>({});
  const [prediction, setPredictionText] = useState(view.prediction === null ? '' : String(view.prediction));
  const [essay, setEssayText] = useState(view.essay ?? '');
  const [phase, setPhase] = useState<Phase>('playing');
  const [submitError, setSubmitError] = useState<unknown>(null);

  // The server's clock: offset measured once, when the attempt arrived.
  const offset = useMemo(() => Date.parse(view.serverNow) - Date.now(), [view.serverNow]);
  const deadline = useMemo(() => Date.parse(view.deadline), [view.deadline]);
  const left = useCallback(() => Math.max(0, deadline - (Date.now() + offset)), [deadline, offset]);
  const [remainingMs, setRemaining] = useState(left);

  const latest = useRef(new Map<string, string[]>(Object.entries(view.answers)));
  const confirmed = useRef(new Map<string, string[]>(Object.entries(view.answers)));
  const inFlight = useRef(new Set<string>());
  const refused = useRef(new Set<string>());
  const extras = useRef({ prediction, essay });
  const extrasConfirmed = useRef(JSON.stringify({ prediction, essay }));
  const phaseRef = useRef<Phase>('playing');
  const failures = useRef(0);
  const retryTimer = useRef<number | undefined>(undefined);
  const extrasTimer = useRef<number | undefined>(undefined);
  const submitting = useRef(false);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const mark = useCallback((key: string, value: SaveStatus) => {
    setStatus((current) => (current[key] === value ? current : { ...current, [key]: value }));
  }, []);
  const setPhaseBoth = useCallback((next: Phase) => {
    phaseRef.current = next;
    setPhase(next);
  }, []);

  const doSubmit = useCallback(
    async (attempt = 0): Promise<void> => {
      const body: SubmitBody = {};
      // Every choice the server may not have: a failed or unfinished save travels with the
      // submission, a cleared one as an empty list (which clears the saved answer).
      const unsaved: Record<string, string[]> = {};
      for (const [key, value] of latest.current) {
        if (refused.current.has(key)) continue;
        if (inFlight.current.has(key) || !same(value, confirmed.current.get(key))) unsaved[key] = value;
      }
      if (Object.keys(unsaved).length > 0) body.answers = unsaved;
      if (view.predictionQuestion !== null) body.prediction = parsePrediction(extras.current.prediction);
      if (view.essayQuestion !== null) body.essay = extras.current.essay.trim() || null;
      try {
        const result = await submitAttempt(view.attemptId, view.token, body);
        window.clearTimeout(retryTimer.current);
        window.clearTimeout(extrasTimer.current);
        setPhaseBoth('done');
        onDoneRef.current(result);
      } catch (error) {
        if (isTransient(error) && attempt < SUBMIT_RETRIES) {
          await new Promise((resolve) => window.setTimeout(resolve, RETRY_DELAYS_MS[attempt] ?? 5_000));
          return doSubmit(attempt + 1);
        }
        submitting.current = false;
        setSubmitError(error);
        setPhaseBoth('submitFailed');
      }
    },
    [view, setPhaseBoth],
  );

  const submit = useCallback(() => {
    if (submitting.current || phaseRef.current === 'done') return;
    submitting.current = true;
    setSubmitError(null);
    setPhaseBoth('submitting');
    void doSubmit();
  }, [doSubmit, setPhaseBoth]);

  const flushAll = useRef<() => void>(() => {});

  const scheduleRetry = useCallback(() => {
    window.clearTimeout(retryTimer.current);
    const delay = RETRY_DELAYS_MS[Math.min(failures.current, RETRY_DELAYS_MS.length - 1)] ?? 15_000;
    failures.current += 1;
    retryTimer.current = window.setTimeout(() => flushAll.current(), delay);
  }, []);

  /** What to do when a save failed: retry later, or (the attempt is closed) collect the result. */
  const failed = useCallback(
    (key: string, error: unknown) => {
      if (error instanceof ApiError && error.code === 'ATTEMPT_CLOSED') {
        mark(key, 'unsaved');
        submit();
      } else if (isTransient(error)) {
        mark(key, 'unsaved');
        scheduleRetry();
      } else {
        refused.current.add(key);
        mark(key, 'refused');
      }
    },
    [mark, scheduleRetry, submit],
  );

  const flush = useCallback(
    (key: string) => {
      if (phaseRef.current !== 'playing' || inFlight.current.has(key)) return;
      const value = latest.current.get(key) ?? [];
      if (same(value, confirmed.current.get(key) ?? [])) {
        mark(key, 'saved');
        return;
      }
      inFlight.current.add(key);
      mark(key, 'saving');
      saveAnswer(view.attemptId, view.token, Number(key), value).then(
        () => {
          inFlight.current.delete(key);
          confirmed.current.set(key, value);
          failures.current = 0;
          if (!same(latest.current.get(key), value)) flush(key);
          else mark(key, 'saved');
        },
        (error: unknown) => {
          inFlight.current.delete(key);
          failed(key, error);
        },
      );
    },
    [view, mark, failed],
  );

  const flushExtras = useCallback(() => {
    if (phaseRef.current !== 'playing' || inFlight.current.has(EXTRAS)) return;
    const snapshot = { ...extras.current };
    const json = JSON.stringify(snapshot);
    if (json === extrasConfirmed.current) return mark(EXTRAS, 'saved');
    const body: { prediction?: number | null; essay?: string | null } = {};
    if (view.predictionQuestion !== null) body.prediction = parsePrediction(snapshot.prediction);
    if (view.essayQuestion !== null) body.essay = snapshot.essay.trim() || null;
    inFlight.current.add(EXTRAS);
    mark(EXTRAS, 'saving');
    saveExtras(view.attemptId, view.token, body).then(
      () => {
        inFlight.current.delete(EXTRAS);
        extrasConfirmed.current = json;
        failures.current = 0;
        if (JSON.stringify(extras.current) !== json) flushExtras();
        else mark(EXTRAS, 'saved');
      },
      (error: unknown) => {
        inFlight.current.delete(EXTRAS);
        failed(EXTRAS, error);
      },
    );
  }, [view, mark, failed]);

  flushAll.current = () => {
    for (const key of latest.current.keys()) {
      if (!refused.current.has(key)) flush(key);
    }
    flushExtras();
  };

  const choose = useCallback(
    (questionId: number, optionIds: string[]) => {
      if (phaseRef.current !== 'playing') return;
      const key = String(questionId);
      latest.current.set(key, optionIds);
      refused.current.delete(key);
      setAnswers((current) => ({ ...current, [key]: optionIds }));
      flush(key);
    },
    [flush],
  );

  const changeExtras = useCallback(
    (patch: Partial<{ prediction: string; essay: string }>) => {
      if (phaseRef.current !== 'playing') return;
      extras.current = { ...extras.current, ...patch };
      mark(EXTRAS, 'saving');
      window.clearTimeout(extrasTimer.current);
      extrasTimer.current = window.setTimeout(flushExtras, EXTRAS_DEBOUNCE_MS);
    },
    [flushExtras, mark],
  );
  const setPrediction = useCallback(
    (text: string) => {
      const digits = text.replace(/[^\d]/gu, '').slice(0, 9);
      setPredictionText(digits);
      changeExtras({ prediction: digits });
    },
    [changeExtras],
  );
  const setEssay = useCallback(
    (text: string) => {
      setEssayText(text);
      changeExtras({ essay: text });
    },
    [changeExtras],
  );

  // The countdown; at zero the attempt is submitted with whatever is not saved yet.
  useEffect(() => {
    const tick = () => {
      const ms = left();
      setRemaining(ms);
      if (ms <= 0 && phaseRef.current === 'playing') submit();
    };
    tick();
    const timer = window.setInterval(tick, 500);
    return () => window.clearInterval(timer);
  }, [left, submit]);

  // Back online: send what is waiting at once. Leaving with unsaved choices: ask first.
  useEffect(() => {
    const online = () => {
      failures.current = 0;
      flushAll.current();
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (phaseRef.current === 'done') return;
      const pending =
        inFlight.current.size > 0 ||
        [...latest.current].some(([key, value]) => !same(value, confirmed.current.get(key))) ||
        JSON.stringify(extras.current) !== extrasConfirmed.current;
      if (pending) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(retryTimer.current);
      window.clearTimeout(extrasTimer.current);
    };
  }, []);

  const values = Object.values(status);
  const overall: SaveStatus | 'idle' = values.includes('refused')
    ? 'refused'
    : values.includes('unsaved')
      ? 'unsaved'
      : values.includes('saving')
        ? 'saving'
        : values.length > 0 || Object.keys(view.answers).length > 0
          ? 'saved'
          : 'idle';

  return {
    answers,
    status,
    overall,
    prediction,
    essay,
    phase,
    submitError,
    remainingMs,
    choose,
    setPrediction,
    setEssay,
    submit,
  };
}
