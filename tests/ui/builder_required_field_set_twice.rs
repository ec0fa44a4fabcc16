use tencentcloud_core::model;

#[model(builder = true)]
pub struct Sender {
    pub address: String,
}

fn main() {
    let _ = Sender::builder().address("a@example.com").address("b@example.com").build();
}
