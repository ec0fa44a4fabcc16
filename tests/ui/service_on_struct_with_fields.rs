use tencentcloud_core::service;

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses {
    pub region: String,
}

fn main() {}
