use tencentcloud_core::model;

#[model(builder = true)]
pub struct Folder {
    pub name: String,
    pub children: Option<Vec<Self>>,
}

fn main() {}
