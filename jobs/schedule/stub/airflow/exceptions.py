class AirflowException(Exception):
    """Fails the task (retried if it has retries left)."""


class AirflowFailException(AirflowException):
    """Fails the task without retrying."""
