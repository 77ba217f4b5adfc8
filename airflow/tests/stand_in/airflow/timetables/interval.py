"""Stand-in for airflow.timetables.interval: records the cron expression and time zone; schedules nothing."""


class CronDataIntervalTimetable:
    def __init__(self, cron, timezone):
        self.cron = cron
        self.timezone = timezone
