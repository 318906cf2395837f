module "platform" {
  source = "../../modules/aws"

  environment              = "staging"
  eks_public_access_cidrs  = var.eks_public_access_cidrs
  vpc_cidr                 = "10.41.0.0/16"
  az_count                 = 3
  single_nat_gateway       = true
  db_instance_class        = "db.m6g.large"
  db_multi_az              = false
  db_backup_retention_days = 7
  redis_node_type          = "cache.t4g.medium"
  redis_replicas           = 2

  tags = {
    CostCenter = "openmineral-staging"
  }
}
