use tencentcloud_core::model;

#[model]
pub struct Reply {
    #[tc(file)]
    pub body: String,
}

fn main() {}
