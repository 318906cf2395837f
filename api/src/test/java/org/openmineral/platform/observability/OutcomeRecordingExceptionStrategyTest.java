package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmineral.ServicePostgres;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What the job worker's exception handling hands on to the starter's: a failure that will pass (the
 * database down, or concurrent work on the same rows) fails the job with its retries unchanged and
 * a back-off that fits; anything else goes on as the worker threw it.
 */
class OutcomeRecordingExceptionStrategyTest {
  private final List<Exception> handedOn = new ArrayList<>();
  private final OutcomeRecordingExceptionStrategy strategy =
      new OutcomeRecordingExceptionStrategy((exception, context) -> handedOn.add(exception));
  private final ExceptionHandlingContext context;

  OutcomeRecordingExceptionStrategyTest() {
    final ActivatedJob job = mock(ActivatedJob.class);
    when(job.getRetries()).thenReturn(3);
    context = new ExceptionHandlingContext(null, job, null);
  }

  @Test
  void aLockNotGrantedIsRetriedSoonWithoutUsingUpARetryAndNotCalledAnOutage() throws Exception {
    strategy.handleException(ServicePostgres.lockNotGranted(), context);

    final JobError error = onlyJobError();
    assertThat(error.getRetries()).isEqualTo(3);
    assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(error.getErrorMessage())
        .startsWith("The job met concurrent work on the same data and was rolled back")
        .doesNotContain("database is unavailable");
  }

  @Test
  void theDatabaseDownIsRetriedAfterTheOutageBackOffWithoutUsingUpARetry() throws Exception {
    strategy.handleException(
        new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused"), context);

    final JobError error = onlyJobError();
    assertThat(error.getRetries()).isEqualTo(3);
    assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(error.getErrorMessage()).startsWith("The database is unavailable");
  }

  @Test
  void anyOtherFailureGoesOnAsTheWorkerThrewIt() throws Exception {
    final IllegalArgumentException wrong = new IllegalArgumentException("no such lot");

    strategy.handleException(wrong, context);

    assertThat(handedOn).containsExactly(wrong);
  }

  private JobError onlyJobError() {
    assertThat(handedOn).hasSize(1);
    assertThat(handedOn.get(0)).isInstanceOf(JobError.class);
    return (JobError) handedOn.get(0);
  }
}
