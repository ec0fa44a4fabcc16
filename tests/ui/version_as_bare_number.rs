use tencentcloud_core::service;

#[service(name = "ses", version = 20201002)]
pub struct Ses;

fn main() {}
