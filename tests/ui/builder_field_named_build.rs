use tencentcloud_core::model;

#[model(builder = true)]
pub struct Job {
    pub build: u64,
}

fn main() {}
