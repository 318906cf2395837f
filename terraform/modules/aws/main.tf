# OpenMineral on AWS: a VPC, an EKS cluster for the Camunda 8.8 Helm chart and the application
# (deploy/), RDS PostgreSQL, ElastiCache Redis, an S3 bucket for documents and Secrets Manager
# entries the pods read through EKS Pod Identity.

locals {
  prefix = "${var.name}-${var.environment}"
  azs    = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  tags = merge(var.tags, {
    Project     = var.name
    Environment = var.environment
    ManagedBy   = "terraform"
  })
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

# Customer-managed key for the documents bucket, the secrets and the EKS secrets envelope.
resource "aws_kms_key" "main" {
  description             = "${local.prefix}: documents, secrets, EKS secrets"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = local.tags
}

resource "aws_kms_alias" "main" {
  name          = "alias/${local.prefix}"
  target_key_id = aws_kms_key.main.key_id
}
