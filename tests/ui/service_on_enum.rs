use tencentcloud_core::service;

#[service(name = "ses", version = "2020-10-02")]
pub enum Ses {
    Intl,
}

fn main() {}
