package dev.guard4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage's filters, in registration order, over the pieces of one call: rewrites feed the
 * next filter, a block stops the stage, and a filter that throws, returns null or overruns its
 * budget blocks (or, if fail-open, is recorded and skipped).
 *
 * <p>The filters run on a worker thread so that the caller can stop waiting when a filter
 * overruns its budget; a filter that never returns cannot hang the call. One hand-off per
 * stage, not per filter, keeps the overhead small.
 */
final class ChainRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChainRunner.class);

    private final Stage stage;
    private final List<FilterStep> steps;
    private final VerdictMemo memo;
    private final Executor executor;

    ChainRunner(Stage stage, List<FilterStep> steps, VerdictMemo memo, Executor executor) {
        this.stage = stage;
        this.steps = List.copyOf(steps);
        this.memo = memo;
        this.executor = executor;
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** What a stage did to its pieces. */
    static final class Outcome {
        final String[] texts;
        final List<FilterResult> results = new ArrayList<>();
        boolean rewritten;
        String blockingFilter;
        Verdict.Block block;

        Outcome(List<Content> pieces) {
            texts = new String[pieces.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = pieces.get(i).text();
            }
        }

        boolean blocked() {
            return block != null;
        }

        List<Finding> findings() {
            return results.stream().flatMap(r -> r.findings().stream()).toList();
        }
    }

    private record Position(int piece, int step, long startNanos) {
    }

    Outcome run(List<Content> pieces) {
        Outcome outcome = new Outcome(pieces);
        if (steps.isEmpty() || pieces.isEmpty()) {
            return outcome;
        }
        int piece = 0;
        int step = 0;
        while (piece < pieces.size()) {
            Worker worker = new Worker(pieces, outcome, piece, step);
            FutureTask<Void> task = new FutureTask<>(worker, null);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                synchronized (outcome) {
                    fail(outcome, pieces.get(piece), piece, steps.get(step), "could not be scheduled: " + e.getClass().getSimpleName(), Duration.ZERO);
                }
                return outcome;
            }
            Position stuck = await(worker, task, outcome, pieces);
            if (stuck == null) {
                return outcome;
            }
            FilterStep overran = steps.get(stuck.step);
            synchronized (outcome) {
                worker.abandoned = true;
                fail(outcome, pieces.get(stuck.piece), stuck.piece, overran,
                        "overran its time budget of " + overran.budget.toMillis() + " ms",
                        Duration.ofNanos(System.nanoTime() - stuck.startNanos));
            }
            task.cancel(true);
            if (outcome.blocked()) {
                return outcome;
            }
            piece = stuck.piece;
            step = stuck.step + 1;
            if (step == steps.size()) {
                piece++;
                step = 0;
            }
        }
        return outcome;
    }

    /** Waits for the worker; returns where it got stuck, or null when it finished. */
    private Position await(Worker worker, FutureTask<Void> task, Outcome outcome, List<Content> pieces) {
        while (true) {
            Position position = worker.position;
            long wait = position.startNanos + steps.get(position.step).budget.toNanos() - System.nanoTime();
            try {
                task.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                return null;
            } catch (TimeoutException e) {
                if (worker.position == position && !task.isDone()) {
                    return position;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (outcome) {
                    worker.abandoned = true;
                    if (!outcome.blocked()) {
                        fail(outcome, pieces.get(position.piece), position.piece, steps.get(position.step),
                                "was interrupted while the caller waited", Duration.ZERO);
                        if (!outcome.blocked()) {
                            outcome.block = Verdict.block("the calling thread was interrupted");
                            outcome.blockingFilter = steps.get(position.step).name;
                        }
                    }
                }
                task.cancel(true);
                return null;
            } catch (ExecutionException e) {
                // the worker catches every filter failure, so this is a bug in the guard itself: fail closed
                synchronized (outcome) {
                    worker.abandoned = true;
                    outcome.block = Verdict.block("the guard failed: " + e.getCause());
                    outcome.blockingFilter = "guard";
                }
                return null;
            }
        }
    }

    private final class Worker implements Runnable {
        private final List<Content> pieces;
        private final Outcome outcome;
        private final int firstPiece;
        private final int firstStep;
        volatile Position position;
        volatile boolean abandoned;

        Worker(List<Content> pieces, Outcome outcome, int firstPiece, int firstStep) {
            this.pieces = pieces;
            this.outcome = outcome;
            this.firstPiece = firstPiece;
            this.firstStep = firstStep;
            this.position = new Position(firstPiece, firstStep, System.nanoTime());
        }

        @Override
        public void run() {
            for (int p = firstPiece; p < pieces.size(); p++) {
                String digest = null;
                for (int s = p == firstPiece ? firstStep : 0; s < steps.size(); s++) {
                    if (abandoned) {
                        return;
                    }
                    FilterStep step = steps.get(s);
                    Content original = pieces.get(p);
                    String text;
                    synchronized (outcome) {
                        text = outcome.texts[p];
                    }
                    Content content = text.equals(original.text()) ? original : original.withText(text);
                    String memoKey = null;
                    Verdict verdict = null;
                    boolean memoised = false;
                    if (stage == Stage.INPUT && step.memoisable && memo.enabled()) {
                        if (digest == null) {
                            digest = Sha256.hex(text);
                        }
                        memoKey = VerdictMemo.key(s, content.source(), digest);
                        verdict = memo.get(memoKey);
                        memoised = verdict != null;
                    }
                    long start = System.nanoTime();
                    position = new Position(p, s, start);
                    String error = null;
                    if (!memoised) {
                        try {
                            verdict = step.apply(content);
                            if (verdict == null) {
                                error = "returned null";
                            }
                        } catch (Throwable t) {
                            LOG.warn("{} filter {} threw on {}", stage, step.name, content, t);
                            error = "threw " + t.getClass().getName();
                        }
                    }
                    long elapsed = System.nanoTime() - start;
                    if (error == null && !memoised && elapsed > step.budget.toNanos()) {
                        error = "overran its time budget of " + step.budget.toMillis() + " ms";
                    }
                    synchronized (outcome) {
                        if (abandoned) {
                            return;
                        }
                        if (error != null) {
                            fail(outcome, content, p, step, error, Duration.ofNanos(elapsed));
                            if (outcome.blocked()) {
                                return;
                            }
                            continue;
                        }
                        outcome.results.add(result(content, p, step, verdict, memoised ? Duration.ZERO : Duration.ofNanos(elapsed), memoised, null));
                        if (verdict instanceof Verdict.Block block) {
                            outcome.block = block;
                            outcome.blockingFilter = step.name;
                            return;
                        }
                        if (verdict instanceof Verdict.Rewrite rewrite && !rewrite.text().equals(text)) {
                            outcome.texts[p] = rewrite.text();
                            outcome.rewritten = true;
                            digest = null;
                        }
                    }
                    if (memoKey != null && !memoised) {
                        memo.put(memoKey, verdict);
                    }
                }
            }
        }
    }

    /** Records a failed filter: a block when it fails closed, a finding only when it fails open. Caller holds the lock. */
    private void fail(Outcome outcome, Content content, int piece, FilterStep step, String error, Duration latency) {
        Finding finding = Finding.ofWhole(step.name, Category.FILTER_FAILURE, content.text().length(), 1.0);
        String reason = "filter '" + step.name + "' " + error;
        if (step.failsOpen()) {
            LOG.warn("{} fail-open filter {} {}; the call goes on without it", stage, step.name, error);
            outcome.results.add(result(content, piece, step, Verdict.pass(finding), latency, false, error));
        } else {
            Verdict.Block block = Verdict.block(reason, finding);
            outcome.results.add(result(content, piece, step, block, latency, false, error));
            outcome.block = block;
            outcome.blockingFilter = step.name;
        }
    }

    private FilterResult result(Content content, int piece, FilterStep step, Verdict verdict, Duration latency,
            boolean memoised, String error) {
        String reason = verdict instanceof Verdict.Block block ? block.reason() : null;
        return new FilterResult(stage, step.name, content.source(), content.messageIndex(), verdict.kind(), reason,
                verdict.findings(), latency, memoised, error);
    }
}
