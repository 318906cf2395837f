module "platform" {
  source = "../../modules/aws"

  environment              = "dev"
  eks_public_access_cidrs  = var.eks_public_access_cidrs
  vpc_cidr                 = "10.40.0.0/16"
  az_count                 = 2
  single_nat_gateway       = true
  node_instance_types      = ["m6i.large"]
  node_min_size            = 2
  node_desired_size        = 3
  node_max_size            = 4
  db_instance_class        = "db.t4g.medium"
  db_allocated_storage     = 20
  db_multi_az              = false
  db_backup_retention_days = 3
  db_deletion_protection   = false
  db_performance_insights  = false
  redis_node_type          = "cache.t4g.small"
  redis_replicas           = 1
  documents_force_destroy  = true

  tags = {
    CostCenter = "openmineral-dev"
  }
}
