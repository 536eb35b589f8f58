//! How far a long import has got, and the sink that passes it on at most about a hundred times per step.

use serde::Serialize;

/// How far a long import has got: `done` of `total` units (bytes of the file being read) in `step`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub step: String,
    pub done: u64,
    pub total: u64,
}

/// Passes progress on to a callback, at most about a hundred times per step.
pub struct ProgressSink<'p> {
    callback: &'p mut dyn FnMut(&Progress),
    step: String,
    total: u64,
    last: u64,
}

impl<'p> ProgressSink<'p> {
    pub fn new(callback: &'p mut dyn FnMut(&Progress)) -> Self {
        ProgressSink { callback, step: String::new(), total: 0, last: 0 }
    }

    /// Starts a step of `total` units and reports it at zero.
    pub fn start(&mut self, step: impl Into<String>, total: u64) {
        self.step = step.into();
        self.total = total;
        self.last = 0;
        (self.callback)(&Progress { step: self.step.clone(), done: 0, total });
    }

    /// Reports `done` units when it has moved on by a percent or reached the end.
    pub fn advance(&mut self, done: u64) {
        let done = done.min(self.total);
        if done == self.total || done >= self.last + (self.total / 100).max(1) {
            self.last = done;
            (self.callback)(&Progress { step: self.step.clone(), done, total: self.total });
        }
    }

    pub fn finish(&mut self) {
        if self.last < self.total {
            self.last = self.total;
            (self.callback)(&Progress { step: self.step.clone(), done: self.total, total: self.total });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_reported_about_a_hundred_times() {
        let mut events = Vec::new();
        let mut callback = |p: &Progress| events.push(p.clone());
        let mut sink = ProgressSink::new(&mut callback);
        sink.start("reading", 10_000);
        for done in 0..=10_000 {
            sink.advance(done);
        }
        sink.finish();
        assert!(events.len() <= 102 && events.len() >= 100, "{}", events.len());
        assert_eq!(events.last().unwrap().done, 10_000);
    }
}
