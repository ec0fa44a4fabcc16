//! Value sets of batch sending tasks: task type and state, recurrence end, subject ad marker.

use crate::enums::wire_enum;

wire_enum! {
    /// When a batch task sends (`BatchSendEmail.TaskType`, `SendTaskData.TaskType`).
    pub enum TaskType: int(u64) {
        /// `1`: right away.
        Immediate = 1,
        /// `2`: once, at the time in `TimedParam`.
        Scheduled = 2,
        /// `3`: repeatedly, as `CycleParam` says.
        Recurring = 3,
    }
}

wire_enum! {
    /// Where a batch task stands (`SendTaskData.TaskStatus`, filter `ListSendTasks.Status`).
    pub enum TaskStatus: int(u64) {
        /// `1`: waiting to start.
        Pending = 1,
        /// `5`: sending now.
        Sending = 5,
        /// `6`: the day's quota ran out; the remaining mails are held and sent about a day later.
        PausedForToday = 6,
        /// `7`: stopped by an error (`SendTaskData.ErrMsg` says which).
        Failed = 7,
        /// `10`: done.
        Finished = 10,
    }
}

wire_enum! {
    /// Whether to end a recurring task (`CycleEmailParam.TermCycle`).
    pub enum CycleTermination: int(u64) {
        /// `0`: keep recurring.
        Continue = 0,
        /// `1`: end the recurrence.
        End = 1,
    }
}

wire_enum! {
    /// Whether and where to mark the subject of a batch mail as an advertisement
    /// (`BatchSendEmail.ADLocation`).
    pub enum AdLocation: int(u64) {
        /// `0`: no marker.
        NoMarker = 0,
        /// `1`: marker in front of the subject.
        BeforeSubject = 1,
        /// `2`: marker after the subject.
        AfterSubject = 2,
    }
}
