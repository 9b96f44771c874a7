package io.concurrencydb.stock.control;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.problem.ContentionException;
import io.concurrencydb.platform.problem.ProblemException;
import io.concurrencydb.stock.control.StockCounters.Event;
import io.concurrencydb.stock.entity.Adjusted;
import io.concurrencydb.stock.entity.InsufficientStockException;
import io.concurrencydb.stock.entity.Strategy;
import io.concurrencydb.stock.entity.WriteConflictException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a stock adjustment by the strategy the client chose. Runs outside any transaction: each attempt is a
 * transaction of its own in {@link StockTransactions}, and a conflicted one is retried whole after a jittered
 * backoff, up to {@link #MAX_ATTEMPTS} attempts within {@link #MAX_TIME}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StockAdjustments {

    static final int MAX_ATTEMPTS = 100;
    static final Duration MAX_TIME = Duration.ofSeconds(10);
    private static final long BACKOFF_BASE_MICROS = 1_000;
    private static final long BACKOFF_CAP_MICROS = 100_000;

    @EJB
    StockTransactions transactions;

    @Inject
    StockCounters counters;

    /** Adjusts the stock; {@code caller} is recorded as the product's last writer. */
    public Adjusted adjust(long productId, int delta, Strategy strategy, String caller) {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        for (int attempt = 1; ; attempt++) {
            AtomicInteger completed = new AtomicInteger(Status.STATUS_UNKNOWN);
            try {
                Product product = once(productId, delta, strategy, caller, completed);
                counters.count(strategy, Event.ACCEPTED);
                return new Adjusted(product, attempt);
            } catch (InsufficientStockException e) {
                counters.count(strategy, Event.REJECTED);
                throw e;
            } catch (WriteConflictException e) {
                retryOrGiveUp(strategy, attempt, deadline);
            } catch (RuntimeException e) {
                // A serializable transaction may also be refused at commit. Retry only when the transaction
                // manager says it rolled back: a commit whose outcome is unknown must not run twice. The
                // service's own answers (not found, out of range, contention) are never retried.
                if (e instanceof ProblemException || !(Sql.isSerializationFailure(e) || completed.get() == Status.STATUS_ROLLEDBACK)) {
                    throw e;
                }
                retryOrGiveUp(strategy, attempt, deadline);
            } catch (Exception e) {
                // Payara throws the failed commit's jakarta.transaction.SystemException through the EJB proxy
                if (completed.get() != Status.STATUS_ROLLEDBACK) {
                    throw new EJBException(e);
                }
                retryOrGiveUp(strategy, attempt, deadline);
            }
        }
    }

    private Product once(long productId, int delta, Strategy strategy, String caller, AtomicInteger completed)
            throws Exception {
        return switch (strategy) {
            case ATOMIC -> transactions.atomic(productId, delta, caller);
            case OPTIMISTIC -> transactions.optimistic(productId, delta, caller);
            case PESSIMISTIC -> transactions.pessimistic(productId, delta, caller);
            case SERIALIZABLE -> transactions.serializable(productId, delta, caller, completed);
        };
    }

    private void retryOrGiveUp(Strategy strategy, int attempt, long deadline) {
        long pause = backoffMicros(attempt);
        if (attempt >= MAX_ATTEMPTS || System.nanoTime() + pause * 1000 > deadline) {
            counters.count(strategy, Event.EXHAUSTED);
            throw new ContentionException("the " + strategy.wireName() + " strategy met a concurrent write on all "
                    + attempt + " attempts; retry later");
        }
        counters.count(strategy, Event.RETRIED);
        try {
            Thread.sleep(pause / 1000, (int) (pause % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContentionException("interrupted while waiting to retry");
        }
    }

    /** Full jitter: a random pause up to an exponentially growing, capped bound. */
    private static long backoffMicros(int attempt) {
        long bound = Math.min(BACKOFF_CAP_MICROS, BACKOFF_BASE_MICROS << Math.min(attempt, 16));
        return ThreadLocalRandom.current().nextLong(bound + 1);
    }
}
