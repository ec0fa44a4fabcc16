use tencentcloud_core::service;

#[service(name = "ses-intl", version = "2020-10-02")]
pub struct Ses;

fn main() {}
