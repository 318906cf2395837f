# Remote state in S3 with a DynamoDB lock table, both created once per account by
# terraform/bootstrap/aws-state. One state file per environment.
terraform {
  backend "s3" {
    bucket         = "openmineral-terraform-state"
    key            = "aws/dev/terraform.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "openmineral-terraform-locks"
    encrypt        = true
  }
}
