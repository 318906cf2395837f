# Creates the S3 bucket and DynamoDB table the AWS environments keep their state in. Run once
# per account with local state (it cannot store its own state in the bucket it creates):
#   terraform -chdir=terraform/bootstrap/aws-state init && terraform -chdir=terraform/bootstrap/aws-state apply

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  description = "Region of the state bucket and lock table (the backend blocks in envs/ name it)."
  type        = string
  default     = "eu-central-1"
}

variable "state_bucket" {
  description = "Name of the state bucket (globally unique)."
  type        = string
  default     = "openmineral-terraform-state"
}

variable "lock_table" {
  description = "Name of the DynamoDB lock table."
  type        = string
  default     = "openmineral-terraform-locks"
}

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_dynamodb_table" "locks" {
  name         = var.lock_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

output "state_bucket" {
  description = "Bucket for the backend \"s3\" blocks."
  value       = aws_s3_bucket.state.bucket
}

output "lock_table" {
  description = "Table for backend dynamodb_table."
  value       = aws_dynamodb_table.locks.name
}
