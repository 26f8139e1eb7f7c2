package dev.scangate.lambdas.aws.approval;

import dev.scangate.lambdas.core.approval.TaskCallback;
import dev.scangate.lambdas.core.approval.TaskCallbackException;
import dev.scangate.lambdas.core.approval.TaskNoLongerWaitingException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Sends a decision to the waiting RequestApproval task. Messages never include the token. */
public final class SfnTaskCallback implements TaskCallback {

    private final SfnClient sfn;

    private SfnTaskCallback(SfnClient sfn) {
        this.sfn = sfn;
    }

    public static SfnTaskCallback create(SfnClient sfn) {
        return new SfnTaskCallback(sfn);
    }

    @Override
    public void succeed(String taskToken, String outputJson) {
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(outputJson));
        } catch (TaskTimedOutException e) {
            throw new TaskNoLongerWaitingException("TaskTimedOut", e);
        } catch (InvalidTokenException e) {
            throw new TaskNoLongerWaitingException("InvalidToken", e);
        } catch (TaskDoesNotExistException e) {
            throw new TaskNoLongerWaitingException("TaskDoesNotExist", e);
        } catch (SdkException e) {
            throw new TaskCallbackException("Step Functions did not accept the decision: " + e.getMessage(), e);
        }
    }
}
