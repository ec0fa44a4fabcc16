mod mail {
    #[tencentcloud_core::model(builder = true)]
    pub struct Sender {
        pub address: String,
        secret_note: Option<String>,
    }
}

fn main() {
    let _ = mail::Sender::builder()
        .address("a@example.com")
        .secret_note("not from outside")
        .build();
}
