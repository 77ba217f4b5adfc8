"""Stand-in for pendulum.datetime (part of Airflow's install)."""
import datetime as _dt


def datetime(year, month, day, tz="UTC"):
    return _dt.datetime(year, month, day, tzinfo=_dt.timezone.utc)
